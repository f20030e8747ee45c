import type { PlanTemplateView } from '@tongke/contracts';
import type { BuiltInTemplate } from './built-in-templates.data';
import type { PlanTemplate } from './plan-template.schema';

export function builtInTemplateView(template: BuiltInTemplate): PlanTemplateView {
  return {
    id: template.id,
    name: template.name,
    ...(template.subject && { subject: template.subject }),
    builtIn: true,
  };
}

export function groupTemplateView(template: PlanTemplate): PlanTemplateView {
  return {
    id: template._id.toString(),
    name: template.name,
    ...(template.subject && { subject: template.subject }),
    builtIn: false,
    groupId: template.groupId.toString(),
  };
}
