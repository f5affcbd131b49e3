export default ({ env }) => ({
  /** WeChat's API; tests and staging point it at a local fake. */
  apiBase: env('WECHAT_API_BASE', 'https://api.weixin.qq.com'),
  appId: env('WECHAT_APPID', ''),
  secret: env('WECHAT_SECRET', ''),
});
