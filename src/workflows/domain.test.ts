import { describe, expect, it } from 'vitest';
import { domainProblem } from '../plugins/workflow/server/src/domain';
import { workflowDomain } from './domain';

describe('the domain facts the app gives the engine', () => {
  it('are complete in this app', () => {
    expect(domainProblem(workflowDomain)).toBeNull();
  });

  it('name what is missing', () => {
    expect(domainProblem(undefined)).toMatch(/contentTypes is required/);
    const { order: _order, knowledgeArticle: _article, ...contentTypes } = workflowDomain.contentTypes;
    expect(domainProblem({ ...workflowDomain, contentTypes } as any)).toBe(
      'workflow.domain.contentTypes lacks order, knowledgeArticle',
    );
    expect(domainProblem({ ...workflowDomain, numbering: undefined } as any)).toMatch(/numbering/);
    expect(domainProblem({ ...workflowDomain, validateForm: undefined } as any)).toBe(
      'workflow.domain lacks validateForm',
    );
  });
});
