import { bumpDataVersion } from '../../services/data-version.js';
import { loadDemo, removeDemo } from '../../services/demo-loader.js';
import { ensureDemoRankingsAndBudget } from '../../services/startup.js';
import { audit } from '../../services/auth/audit.js';
import { cliAuditContext, withDatabase } from '../context.js';
import { printJson } from '../output.js';

export async function demoCommand(options: { remove?: boolean; json?: boolean }): Promise<number> {
  return withDatabase(async ({ db }) => {
    if (options.remove) {
      await db.transaction().execute(async (trx) => {
        await removeDemo(trx);
        await bumpDataVersion(trx);
        await audit(trx, cliAuditContext(), 'demo_removed');
      });
      if (options.json) printJson({ removed: true });
      else process.stdout.write('Demodata verwijderd; echte gegevens zijn niet aangeraakt.\n');
      return 0;
    }
    const summary = await loadDemo(db, Date.now, cliAuditContext());
    await ensureDemoRankingsAndBudget(db);
    if (options.json) printJson(summary);
    else
      process.stdout.write(
        `Fictieve demodata opnieuw geladen: ${summary.areas} gebieden, ${summary.observations} cijfers, ` +
          `${summary.organisations} organisaties (${summary.seconds.toFixed(1)} s).\n`,
      );
    return 0;
  });
}
