import * as assert from 'assert';
import { looksLikeAccountName } from '../../../src/extension/annotations/accountNames';

describe('coder name: account names are not people', () => {
  it('treats root, admin, container and service accounts (any case) and an empty name as account names', () => {
    for (const name of ['root', 'Administrator', ' vscode ', 'codespace', 'node', 'ubuntu', '']) assert.ok(looksLikeAccountName(name), name);
  });

  it('takes a person\'s login as their name', () => {
    for (const name of ['ana', 'jsmith', 'noor.haddad']) assert.ok(!looksLikeAccountName(name), name);
  });
});
