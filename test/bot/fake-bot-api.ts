import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A local stand-in for the Telegram Bot API, spoken to over loopback through TELEGRAM_API_ROOT.
 * It keeps each chat as Telegram would show it (user and bot messages share one id sequence,
 * deleted ones vanish), serves getUpdates by long polling, serves files for getFile, and can
 * be told to fail a method with 429 or to deliver an update twice.
 */

export const FAKE_TOKEN = '123456789:AAFakeTokenForTestsOnly_abcdefghijk';
const BOT_USER = {
  id: 123456789,
  is_bot: true,
  first_name: 'Tip line',
  username: 'tipline_test_bot',
};

export interface ApiCall {
  readonly method: string;
  readonly payload: Record<string, unknown>;
  readonly at: number;
}

export interface ChatMessage {
  readonly id: number;
  readonly from: 'user' | 'bot';
  readonly text: string | undefined;
  readonly buttons: { text: string; data: string }[];
  deleted: boolean;
}

interface PendingPoll {
  offset: number;
  resolve: (updates: unknown[]) => void;
}

type Failure = { error_code: number; description: string; retry_after?: number };

export interface FakeBotApi {
  readonly apiRoot: string;
  readonly calls: ApiCall[];
  /** Messages of a chat in order, including deleted ones (see `deleted`). */
  chat(chatId: number): ChatMessage[];
  user(options: { chatId: number; languageCode?: string; chatType?: string }): FakeUser;
  /** The next `count` calls of `method` answer with this error instead. */
  failNext(method: string, failure: Failure, count?: number): void;
  /** Hands an update that was already delivered to the bot once more, as after a crash. */
  redeliver(updateId: number): void;
  /** Resolves when a call matching `predicate` has been made. */
  waitForCall(predicate: (call: ApiCall) => boolean, timeoutMs?: number): Promise<ApiCall>;
  /** Registers a file the bot can fetch with getFile. */
  addFile(bytes: Uint8Array): { fileId: string; size: number };
  /** The update ids handed out so far. */
  updateCount(): number;
  close(): Promise<void>;
}

export interface FakeUser {
  readonly chatId: number;
  send(text: string): number;
  sendPhoto(bytes: Uint8Array, caption?: string): number;
  sendDocument(bytes: Uint8Array, name: string, mimeType: string, declaredSize?: number): number;
  sendVoice(bytes: Uint8Array): number;
  sendLocation(latitude: number, longitude: number): number;
  sendSticker(): number;
  /** Presses an inline button of the bot's latest message that has one with this data. */
  press(data: string): number;
  /** The bot's next message in this chat that the test has not read yet. */
  nextReply(timeoutMs?: number): Promise<ChatMessage>;
  /** Waits until the bot has sent a message whose text contains `fragment`; returns it. */
  replyContaining(fragment: string, timeoutMs?: number): Promise<ChatMessage>;
  /** The update id of the last thing this user did. */
  lastUpdateId(): number;
}

export async function startFakeBotApi(clock: () => number = Date.now): Promise<FakeBotApi> {
  const calls: ApiCall[] = [];
  const chats = new Map<number, ChatMessage[]>();
  const nextMessageId = new Map<number, number>();
  const updates: { update_id: number }[] = [];
  // every update ever pushed, kept for redelivery even after the bot confirmed it
  const allUpdates: { update_id: number }[] = [];
  const extraDeliveries: { update_id: number }[] = [];
  const polls: PendingPoll[] = [];
  const failures = new Map<string, Failure[]>();
  const files = new Map<string, Uint8Array>();
  const waiters: { predicate: (call: ApiCall) => boolean; resolve: (call: ApiCall) => void }[] = [];
  let updateId = 1000;
  let closing = false;

  const chatOf = (chatId: number) => {
    let list = chats.get(chatId);
    if (!list) chats.set(chatId, (list = []));
    return list;
  };
  const newMessageId = (chatId: number) => {
    const id = (nextMessageId.get(chatId) ?? 0) + 1;
    nextMessageId.set(chatId, id);
    return id;
  };

  function pendingFor(offset: number): unknown[] {
    const fresh = updates.filter((u) => u.update_id >= offset);
    const again = extraDeliveries.splice(0);
    return [...again, ...fresh];
  }

  function flushPolls(): void {
    for (const poll of polls.splice(0)) {
      const ready = pendingFor(poll.offset);
      if (ready.length > 0 || closing) poll.resolve(ready);
      else polls.push(poll);
    }
  }

  function pushUpdate(body: Record<string, unknown>): number {
    const update = { update_id: ++updateId, ...body };
    updates.push(update);
    allUpdates.push(update);
    flushPolls();
    return update.update_id;
  }

  function record(call: ApiCall): void {
    calls.push(call);
    for (const waiter of [...waiters]) {
      if (waiter.predicate(call)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(call);
      }
    }
  }

  async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    if (raw === '') return {};
    return JSON.parse(raw) as Record<string, unknown>;
  }

  function answer(res: ServerResponse, result: unknown): void {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true, result }));
  }

  function handleMethod(method: string, payload: Record<string, unknown>, res: ServerResponse) {
    const failure = failures.get(method)?.shift();
    if (failure) {
      record({ method: `${method}:failed`, payload, at: clock() });
      res.writeHead(failure.error_code, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          ok: false,
          error_code: failure.error_code,
          description: failure.description,
          ...(failure.retry_after !== undefined
            ? { parameters: { retry_after: failure.retry_after } }
            : {}),
        }),
      );
      return;
    }
    if (method !== 'getUpdates') record({ method, payload, at: clock() });
    switch (method) {
      case 'getMe':
        return answer(res, BOT_USER);
      case 'getUpdates': {
        const offset = Number(payload.offset ?? 0);
        // confirmed updates are forgotten, as Telegram does
        for (let i = updates.length - 1; i >= 0; i--) {
          if ((updates[i]?.update_id ?? 0) < offset) updates.splice(i, 1);
        }
        const ready = pendingFor(offset);
        if (ready.length > 0 || closing || Number(payload.timeout ?? 0) === 0)
          return answer(res, ready);
        const poll: PendingPoll = { offset, resolve: (list) => answer(res, list) };
        polls.push(poll);
        res.on('close', () => {
          const i = polls.indexOf(poll);
          if (i >= 0) polls.splice(i, 1);
        });
        return;
      }
      case 'sendMessage': {
        const chatId = Number(payload.chat_id);
        const id = newMessageId(chatId);
        const markup = payload.reply_markup as
          { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined;
        chatOf(chatId).push({
          id,
          from: 'bot',
          text: String(payload.text),
          buttons: (markup?.inline_keyboard ?? [])
            .flat()
            .map((b) => ({ text: b.text, data: b.callback_data })),
          deleted: false,
        });
        return answer(res, {
          message_id: id,
          date: Math.floor(clock() / 1000),
          chat: { id: chatId, type: 'private' },
          from: BOT_USER,
          text: payload.text,
        });
      }
      case 'deleteMessages': {
        const chatId = Number(payload.chat_id);
        const ids = new Set((payload.message_ids as number[]) ?? []);
        for (const message of chatOf(chatId)) if (ids.has(message.id)) message.deleted = true;
        return answer(res, true);
      }
      case 'getFile': {
        const fileId = String(payload.file_id);
        const bytes = files.get(fileId);
        if (!bytes) {
          res.writeHead(400, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({
              ok: false,
              error_code: 400,
              description: 'Bad Request: invalid file_id',
            }),
          );
          return;
        }
        return answer(res, {
          file_id: fileId,
          file_unique_id: fileId,
          file_size: bytes.length,
          file_path: `files/${fileId}`,
        });
      }
      case 'setMyCommands':
      case 'deleteWebhook':
      case 'setWebhook':
      case 'answerCallbackQuery':
      case 'leaveChat':
        return answer(res, true);
      default:
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            ok: false,
            error_code: 404,
            description: 'Not Found: method not found',
          }),
        );
    }
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const file = /^\/file\/bot([^/]+)\/files\/(.+)$/.exec(url.pathname);
    if (file) {
      const bytes =
        file[1] === FAKE_TOKEN ? files.get(decodeURIComponent(file[2] ?? '')) : undefined;
      if (!bytes) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, {
        'content-length': bytes.length,
        'content-type': 'application/octet-stream',
      });
      res.end(Buffer.from(bytes));
      return;
    }
    const api = /^\/bot([^/]+)\/(\w+)$/.exec(url.pathname);
    if (!api || api[1] !== FAKE_TOKEN) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error_code: 401, description: 'Unauthorized' }));
      return;
    }
    readBody(req)
      .then((payload) => handleMethod(api[2] ?? '', payload, res))
      .catch(() => {
        res.writeHead(400).end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  let fileCounter = 0;

  function user(options: { chatId: number; languageCode?: string; chatType?: string }): FakeUser {
    const { chatId } = options;
    const from = {
      id: chatId,
      is_bot: false,
      first_name: 'Tester',
      ...(options.languageCode ? { language_code: options.languageCode } : {}),
    };
    const chat = { id: chatId, type: options.chatType ?? 'private', first_name: 'Tester' };
    let readUpTo = 0;
    let last = 0;

    function message(fields: Record<string, unknown>, text?: string): number {
      const id = newMessageId(chatId);
      chatOf(chatId).push({ id, from: 'user', text, buttons: [], deleted: false });
      last = pushUpdate({
        message: { message_id: id, date: Math.floor(clock() / 1000), chat, from, ...fields },
      });
      return last;
    }

    async function nextReply(timeoutMs = 10_000): Promise<ChatMessage> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const list = chatOf(chatId);
        const found = list.find((m) => m.from === 'bot' && m.id > readUpTo);
        if (found) {
          readUpTo = found.id;
          return found;
        }
        if (Date.now() > deadline)
          throw new Error(`no reply from the bot in chat within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }

    return {
      chatId,
      send: (text) => message({ text }, text),
      sendPhoto(bytes, caption) {
        const { fileId, size } = addFile(bytes);
        return message({
          photo: [
            {
              file_id: `${fileId}-thumb`,
              file_unique_id: 't',
              width: 90,
              height: 90,
              file_size: 100,
            },
            { file_id: fileId, file_unique_id: fileId, width: 800, height: 600, file_size: size },
          ],
          ...(caption ? { caption } : {}),
        });
      },
      sendDocument(bytes, name, mimeType, declaredSize) {
        const { fileId, size } = addFile(bytes);
        return message({
          document: {
            file_id: fileId,
            file_unique_id: fileId,
            file_name: name,
            mime_type: mimeType,
            file_size: declaredSize ?? size,
          },
        });
      },
      sendVoice(bytes) {
        const { fileId, size } = addFile(bytes);
        return message({
          voice: {
            file_id: fileId,
            file_unique_id: fileId,
            duration: 3,
            mime_type: 'audio/ogg',
            file_size: size,
          },
        });
      },
      sendLocation: (latitude, longitude) => message({ location: { latitude, longitude } }),
      sendSticker: () =>
        message({
          sticker: {
            file_id: 'sticker',
            file_unique_id: 's',
            type: 'regular',
            width: 512,
            height: 512,
            is_animated: false,
            is_video: false,
          },
        }),
      press(data) {
        const withButton = [...chatOf(chatId)]
          .reverse()
          .find((m) => m.from === 'bot' && m.buttons.some((b) => b.data === data));
        if (!withButton) throw new Error(`no button with data ${data} in the chat`);
        last = pushUpdate({
          callback_query: {
            id: `cb-${updateId}`,
            from,
            chat_instance: 'ci',
            data,
            message: {
              message_id: withButton.id,
              date: Math.floor(clock() / 1000),
              chat,
              text: withButton.text,
            },
          },
        });
        return last;
      },
      nextReply,
      async replyContaining(fragment, timeoutMs = 10_000) {
        for (;;) {
          const reply = await nextReply(timeoutMs);
          if (reply.text?.includes(fragment)) return reply;
        }
      },
      lastUpdateId: () => last,
    };
  }

  function addFile(bytes: Uint8Array): { fileId: string; size: number } {
    const fileId = `file-${++fileCounter}`;
    files.set(fileId, bytes);
    return { fileId, size: bytes.length };
  }

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    calls,
    chat: (chatId) => chatOf(chatId),
    user,
    failNext(method, failure, count = 1) {
      const list = failures.get(method) ?? [];
      for (let i = 0; i < count; i++) list.push(failure);
      failures.set(method, list);
    },
    redeliver(id) {
      const original = allUpdates.find((u) => u.update_id === id);
      if (!original) throw new Error(`unknown update ${id}`);
      extraDeliveries.push(original);
      flushPolls();
    },
    waitForCall(predicate, timeoutMs = 10_000) {
      const existing = calls.find(predicate);
      if (existing) return Promise.resolve(existing);
      return new Promise((resolve, reject) => {
        const waiter = { predicate, resolve };
        waiters.push(waiter);
        setTimeout(() => {
          const i = waiters.indexOf(waiter);
          if (i >= 0) {
            waiters.splice(i, 1);
            reject(new Error('expected Bot API call did not happen'));
          }
        }, timeoutMs).unref();
      });
    },
    addFile,
    updateCount: () => updateId - 1000,
    async close() {
      closing = true;
      flushPolls();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
