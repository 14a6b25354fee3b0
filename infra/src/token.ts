import { runCli } from './cli';
import { parseArgs } from 'node:util';
import { isRole, ROLES, signUserToken, type Role } from '@povgraph/auth';
import { jwtSecret } from './devSecrets';

const USAGE = `Mints a development token for the gateway (HS256, POVGRAPH_JWT_SECRET or the local default).

  pnpm -s token --role ROLE [--area CODE] [--agency NAME] [--subject NAME] [--hours N]

  --role     ${ROLES.join(' | ')}
  --area     GSO code of the area served, e.g. 630; omit for nationwide
  --agency   the office, e.g. "Phòng LĐ-TB&XH Kông Chro" (default: derived from role and area)
  --subject  who the caller is (default: role@area)
  --hours    lifetime (default 8)

Then send it as  Authorization: Bearer <token>`;

export function main(): void {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      area: { type: 'string' },
      agency: { type: 'string' },
      subject: { type: 'string' },
      hours: { type: 'string', default: '8' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const role = values.role?.toUpperCase();
  if (!isRole(role)) fail(values.role ? `Unknown role ${values.role}.` : 'Say which role the token is for.');
  const area = values.area ?? null;
  if (area !== null && !/^(\d{2}|\d{3}|\d{5})$/.test(area)) fail(`--area must be a GSO code of 2, 3 or 5 digits; got ${area}.`);
  const hours = Number(values.hours);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 30) fail('--hours must be a number of hours from 1 to 720.');
  const token = signUserToken(
    { subject: values.subject ?? `${role.toLowerCase()}@${area ?? 'vn'}`, role: role as Role, agency: values.agency ?? `${role} ${area ?? 'national'}`, area },
    jwtSecret(),
    Math.round(hours * 3600),
  );
  console.log(token);
}

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

if (require.main === module) runCli(main);
