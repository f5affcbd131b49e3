import type { FieldError, FormSchema } from './engine/form';
import type { WorkflowConfig } from './config';

/**
 * What the engine works on that belongs to the app: its content types, by the part each plays, how it
 * numbers orders and checks forms and mobile numbers. The app gives them in the plugin's config
 * (config/plugins.ts, from src/workflows/domain.ts); the plugin names none of the app's types itself.
 */
export interface DomainFacts {
  contentTypes: {
    /** The order the engine moves; its attributes are listed in docs/definitions.md. */
    order: string;
    /** Records of an order, written only through the engine. */
    orderFile: string;
    contract: string;
    payment: string;
    surveyRecord: string;
    progressReport: string;
    signature: string;
    evaluation: string;
    message: string;
    /** Staff profiles and the organization tree, written only through the directory. */
    staff: string;
    organization: string;
    /** Administration the engine reads and the content manager edits. */
    contractTemplate: string;
    knowledgeArticle: string;
  };
  /** A service with `next(trx, at)`: the next order number, in the transaction that writes the order. */
  numbering: string;
  /** Checks submitted data against a form: the normalized values, or every problem, each naming its field. */
  validateForm(
    schema: FormSchema,
    data: unknown,
    prefix?: string[],
  ): { value: Record<string, unknown>; errors: FieldError[] };
  normalizeMobile(value: unknown): string | null;
  mobileProblem(value: unknown): string | null;
}

export type DomainRole = keyof DomainFacts['contentTypes'];

/** Content types that change only through the engine and the directory; the content manager only reads them. */
const ENGINE_WRITTEN: DomainRole[] = [
  'order',
  'contract',
  'payment',
  'surveyRecord',
  'progressReport',
  'orderFile',
  'signature',
  'evaluation',
  'message',
  'staff',
  'organization',
];

export const domain = (): DomainFacts => (strapi.config.get('plugin::workflow') as WorkflowConfig).domain;

/** The app's content type that plays a part. */
export const uidOf = (role: DomainRole) => domain().contentTypes[role] as any;

export const engineWrittenUids = () => ENGINE_WRITTEN.map(uidOf) as string[];

/** The config's check: every part has a content type, and the functions are there. */
export const domainProblem = (facts: Partial<DomainFacts> | undefined) => {
  if (!facts?.contentTypes) return 'workflow.domain.contentTypes is required (see src/workflows/domain.ts)';
  const roles: DomainRole[] = [...ENGINE_WRITTEN, 'contractTemplate', 'knowledgeArticle'];
  const missing = roles.filter((r) => typeof facts.contentTypes?.[r] !== 'string');
  if (missing.length) return `workflow.domain.contentTypes lacks ${missing.join(', ')}`;
  if (typeof facts.numbering !== 'string') return 'workflow.domain.numbering must name a service';
  const fns = ['validateForm', 'normalizeMobile', 'mobileProblem'] as const;
  const absent = fns.filter((f) => typeof facts[f] !== 'function');
  return absent.length ? `workflow.domain lacks ${absent.join(', ')}` : null;
};
