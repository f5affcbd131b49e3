export default ({ env }) => ({
  workflow: {
    enabled: true,
    resolve: './src/plugins/workflow',
  },
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      jwt: { expiresIn: env('JWT_EXPIRES_IN', '7d') },
      // Registration may set only these fields; src/extensions/users-permissions refuses anything else with 400.
      register: {
        allowedFields: ['mobile', 'realName', 'applicantType', 'enterpriseName', 'creditCode'],
      },
    },
  },
  upload: {
    config: {
      sizeLimit: env.int('UPLOAD_SIZE_LIMIT', 50 * 1024 * 1024),
    },
  },
});
