import { winston, formats } from '@strapi/logger';

// LOG_LEVEL lets the test suite keep quiet; the default matches Strapi's own.
export default ({ env }) => ({
  level: env('LOG_LEVEL', 'http'),
  format: formats.prettyPrint(),
  transports: [new winston.transports.Console()],
});
