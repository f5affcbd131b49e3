import { reactive, ref, unref, type MaybeRef } from 'vue';
import type { FormField } from '@/api/types';
import type { ApiError } from '@/http/errors';
import { checkForm } from '@/utils/form';

export interface SubmitOptions {
  /** Problems the form definition cannot express (a password's length), by field name. */
  check?: (model: Record<string, unknown>) => Record<string, string>;
  /** What to tell the person when the server refuses; defaults to its first field problem or message. */
  explain?: (error: ApiError) => string;
  onError?: (error: ApiError) => void;
}

/**
 * A form's state and its one way to be sent: checked first as the server would check it (nothing is
 * sent while a field is wrong), then sent with the cleaned values; the server's problems land beside
 * their fields, and the person is told in a toast either way.
 */
export const useForm = (fields: MaybeRef<FormField[]>, initial: Record<string, unknown> = {}) => {
  const model = reactive<Record<string, unknown>>({ ...initial });
  const errors = ref<Record<string, string>>({});
  const busy = ref(false);

  const submit = async <T>(
    send: (values: Record<string, unknown>) => Promise<T>,
    options: SubmitOptions = {},
  ): Promise<T | undefined> => {
    const visible = Object.fromEntries(unref(fields).map((f) => [f.name, model[f.name]]));
    const checked = checkForm({ fields: unref(fields) }, visible);
    errors.value = { ...checked.fields, ...options.check?.(model) };
    const first = Object.values(errors.value)[0];
    if (first) {
      uni.showToast({ title: first, icon: 'none' });
      return undefined;
    }
    busy.value = true;
    try {
      return await send(checked.value);
    } catch (e) {
      const error = e as ApiError;
      errors.value = error.fields ?? {};
      uni.showToast({
        title: options.explain?.(error) ?? Object.values(errors.value)[0] ?? error.message,
        icon: 'none',
        duration: 3000,
      });
      options.onError?.(error);
      return undefined;
    } finally {
      busy.value = false;
    }
  };

  const reset = (values: Record<string, unknown> = {}) => {
    for (const key of Object.keys(model)) delete model[key];
    Object.assign(model, values);
    errors.value = {};
  };

  return { model, errors, busy, submit, reset };
};
