import type { AppModule } from '../../platform/module.ts';
import { BUDGET_AUDIT_ACTIONS } from './audit-actions.ts';
import { seedBudgetDemo } from './demo.ts';
import { BUDGET_FACTS } from './facts-repository.ts';
import { budgetRoutes } from './routes.tsx';

export const budgetModule: AppModule = {
  name: 'budget',
  plugin: budgetRoutes,
  auditActions: BUDGET_AUDIT_ACTIONS,
  messages: { public: [], staff: ['budget.'] },
  facts: BUDGET_FACTS,
  seedDemo: seedBudgetDemo,
};
