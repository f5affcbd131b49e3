export default ({ env }) => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET'),
  },
  apiToken: {
    salt: env('API_TOKEN_SALT'),
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT', env('API_TOKEN_SALT')),
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY', ''),
  },
  // Strapi AI calls a hosted service; nothing leaves this machine unless an operator configures it.
  ai: { enabled: false },
  flags: {
    nps: false,
    promoteEE: false,
  },
  serveAdminPanel: env.bool('SERVE_ADMIN', true),
  // Strapi's own limit on admin sign-in (5 per 5 minutes per email and IP), beside the app's lockout.
  rateLimit: { enabled: env.bool('BUILTIN_RATE_LIMITS', true) },
});
