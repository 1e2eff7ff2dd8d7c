// `npm start` and `npm test` check the system before any slow step; which checks apply depends on the purpose and on
// whether the local VS Code still has to be built.
import * as assert from 'assert';
import { installCommand, planSetup, requirementsFor } from '../../../test/harness/systemRequirements';

describe('system requirements of npm start and npm test', () => {
  const packages = (purpose: 'start' | 'test', installed: boolean) => requirementsFor(purpose, installed).map((requirement) => requirement.debianPackage);

  it('needs the toolchain only while the local VS Code is still to be built, and Chromium only for tests', () => {
    assert.deepStrictEqual(packages('start', true), ['ripgrep']);
    assert.deepStrictEqual(packages('start', false), ['ripgrep', 'build-essential', 'python3']);
    assert.deepStrictEqual(packages('test', true), ['ripgrep', 'chromium']);
    assert.deepStrictEqual(packages('test', false), ['ripgrep', 'build-essential', 'python3', 'chromium']);
  });

  it('never asks for the Kerberos headers', () => {
    assert.ok(!packages('test', false).some((name) => /krb|kerberos|gssapi/.test(name)));
  });

  it('gives one command, with sudo unless already root', () => {
    assert.strictEqual(installCommand(['ripgrep', 'chromium'], false), 'sudo apt-get install -y --no-install-recommends ripgrep chromium');
    assert.strictEqual(installCommand(['ripgrep'], true), 'apt-get install -y --no-install-recommends ripgrep');
  });

  it('installs what is missing as root where apt-get exists, and says so', () => {
    const missing = requirementsFor('test', true);
    const plan = planSetup('test', missing, { asRoot: true, hasApt: true });
    assert.strictEqual(plan.action, 'install');
    assert.ok(plan.action === 'install' && plan.packages.join(' ') === 'ripgrep chromium');
    assert.match(plan.action === 'install' ? plan.message : '', /Installing them now: apt-get update && apt-get install -y --no-install-recommends ripgrep chromium/);
  });

  it('otherwise stops at once with the single command to run', () => {
    const missing = requirementsFor('start', false);
    const asUser = planSetup('start', missing, { asRoot: false, hasApt: true });
    assert.strictEqual(asUser.action, 'stop');
    assert.match(asUser.action === 'stop' ? asUser.message : '', /\n {2}sudo apt-get install -y --no-install-recommends ripgrep build-essential python3\n/);
    const noApt = planSetup('start', missing, { asRoot: true, hasApt: false });
    assert.strictEqual(noApt.action, 'stop');
    assert.deepStrictEqual(planSetup('start', [], { asRoot: false, hasApt: false }), { action: 'none' });
  });
});
