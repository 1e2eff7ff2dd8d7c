// Operating-system account names that belong to a machine, a container or a service, not to a person. Pure, so the
// list is unit-tested without VS Code.
const ACCOUNT_NAMES = new Set([
  'root', 'admin', 'administrator', 'user', 'guest', 'coder', 'node', 'vscode', 'codespace', 'codespaces',
  'ubuntu', 'debian', 'ec2-user', 'pi', 'docker', 'runner', 'jovyan', 'gitpod', 'default', 'owner', 'test',
]);

export function looksLikeAccountName(name: string): boolean {
  const plain = name.trim().toLowerCase();
  return plain === '' || ACCOUNT_NAMES.has(plain);
}
