import type { FieldType } from '@shared/validation';
import type { FormField as ApiFormField } from '@workflow/api-types';

/** The API's shapes, shared with the admin panel (src/plugins/workflow/shared/api-types.ts). */
export type {
  ActionInfo,
  ActionResult,
  Article,
  Artifact,
  Elapsed,
  HistoryEvent,
  ListParams,
  Message,
  MessagePage,
  OrderFile,
  OrderRow,
  OrderView,
  Page,
  Process,
} from '@workflow/api-types';

/** A field as the client renders it: the definitions' types, and a password for the sign-in forms. */
export interface FormField extends Omit<ApiFormField, 'type'> {
  type: FieldType | 'password' | (string & {});
}
