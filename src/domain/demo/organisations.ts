import type { DemoOrganisation } from './demo-dataset.js';
import { GEMEENTE_PLANS } from './world-plan.js';

/**
 * The fictional organisations of the demo: one corporation working in all three gemeenten, each
 * gemeente as a partner, a welfare organisation in one of them, and the tenants' organisation. "(fictief)" is part of every name so a
 * screenshot can never be mistaken for a real corporation's data.
 * @example demoOrganisations()[0].key // 'woonstichting-duinrand'
 */
export function demoOrganisations(): DemoOrganisation[] {
  const allGemeenten = GEMEENTE_PLANS.map((plan) => plan.code);
  return [
    {
      key: 'woonstichting-duinrand',
      name: 'Woonstichting Duinrand (fictief)',
      kind: 'corporation',
      workingArea: [...allGemeenten],
    },
    ...GEMEENTE_PLANS.map((plan): DemoOrganisation => ({
      key: `gemeente-${plan.name.toLowerCase()}`,
      name: `Gemeente ${plan.name} (fictief)`,
      kind: 'gemeente',
      workingArea: [plan.code],
    })),
    {
      key: 'welzijn-kreekzand',
      name: 'Welzijn Kreekzand (fictief)',
      kind: 'welzijn',
      workingArea: ['GM9903'],
    },
    {
      key: 'huurdersvereniging-duinrand',
      name: 'Huurdersvereniging Duinrand e.o. (fictief)',
      kind: 'huurdersorganisatie',
      workingArea: [...allGemeenten],
    },
  ];
}
