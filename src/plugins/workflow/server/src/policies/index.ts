import { domainReadOnly } from '../read-only';

export default { 'domain-read-only': domainReadOnly };
