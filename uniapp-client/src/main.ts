import { createSSRApp } from 'vue';
import App from './App.vue';
import { createStore } from './stores';
import { installInterceptor } from './http/interceptor';

export function createApp() {
  const app = createSSRApp(App);
  app.use(createStore());
  installInterceptor();
  return { app };
}
