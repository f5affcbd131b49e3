import { winston, formats } from '@strapi/logger';

const LEVELS = winston.config.npm.levels;

/**
 * Drops a line below the configured level before it is formatted: winston runs the logger's format
 * (a timestamp, colours, printf) on every line and lets the transports drop it afterwards, which cost
 * each request about 0.05 ms for an access line nobody sees (docs/performance.md).
 */
export const atLevel = (level: string) =>
  winston.format((info) => ((LEVELS[info.level] ?? 0) <= (LEVELS[level] ?? LEVELS.silly) ? info : false))();

// LOG_LEVEL lets the test suite keep quiet; the default matches Strapi's own.
export default ({ env }) => {
  const level = env('LOG_LEVEL', 'http');
  return {
    level,
    format: winston.format.combine(atLevel(level), formats.prettyPrint()),
    transports: [new winston.transports.Console()],
  };
};
