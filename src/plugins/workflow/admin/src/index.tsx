import { Briefcase } from '@strapi/icons';
import { PLUGIN_ID } from './pluginId';

export default {
  register(app: any) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Briefcase,
      intlLabel: { id: `${PLUGIN_ID}.menu`, defaultMessage: '工单中心' },
      Component: () => import('./pages/App'),
      permissions: [],
      position: 1,
    });
    app.registerPlugin({ id: PLUGIN_ID, name: '工单中心' });
  },
  bootstrap() {},
  async registerTrads({ locales }: { locales: string[] }) {
    const messages: Record<string, Record<string, string>> = {
      'zh-Hans': { [`${PLUGIN_ID}.menu`]: '工单中心' },
      en: { [`${PLUGIN_ID}.menu`]: 'Work orders' },
    };
    return locales.map((locale) => ({ data: messages[locale] ?? {}, locale }));
  },
};
