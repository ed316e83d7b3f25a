import { defineConfig } from 'drizzle-kit';

// PostgreSQL migrations, generated from src/store/pg-schema.ts: `npm run db:generate:postgres`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/store/pg-schema.ts',
  out: './migrations/postgres',
});
