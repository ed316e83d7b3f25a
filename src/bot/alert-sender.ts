import type { AlertMessage, AlertSender } from '../core/index.js';

/** What the Telegram alert channel needs from the bot: one message into one chat. */
export interface TelegramAlertPort {
  sendAlert(chatId: string, text: string): Promise<void>;
}

/** The Telegram channel: the fixed alert body into the reviewer's linked chat, via the bot's outbox. */
export function createTelegramAlertSender(bot: TelegramAlertPort): AlertSender {
  return {
    channel: 'telegram',
    // never log: the chat id (it is the "address" here)
    send: (chatId: string, message: AlertMessage) => bot.sendAlert(chatId, message.body),
  };
}
