import type { Core } from '@strapi/strapi';

/**
 * Chinese names and addresses need utf8mb4 (3-byte utf8 loses rare characters such as 𠮷). Strapi
 * creates tables in the database's default character set, so a database created as latin1 or utf8mb3
 * would mangle applications silently: refuse to start instead.
 */
export const assertUtf8mb4 = async (strapi: Core.Strapi) => {
  if (strapi.db.dialect.client !== 'mysql') return;
  const [rows] = await strapi.db.connection.raw('SELECT @@character_set_database AS charset, DATABASE() AS name');
  const { charset, name } = rows[0];
  if (charset !== 'utf8mb4') {
    throw new Error(
      `Database "${name}" uses character set ${charset}; this product needs utf8mb4. ` +
        `Run: ALTER DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci (on an empty database), then start again.`,
    );
  }
};
