import { classifyPaste, plainText } from '../../src/bot/paste';
import { TEAMS_FILE_DOWNLOAD } from '../../src/bot/attachments';

const many = Array.from({ length: 12 }, (_, i) => `d${i}.com`).join(', ');

describe('messages that are not sentences are recognized before the parser', () => {
  it.each([
    ['export our settings as PowerShell', { kind: 'export', format: 'powershell' }],
    ['export as DSC', { kind: 'export', format: 'dsc' }],
    ['please export the configuration to Microsoft365DSC', { kind: 'export', format: 'dsc' }],
    ['export our settings', { kind: 'export', format: 'powershell' }],
    ['export as json', { kind: 'export', format: 'json' }],
    ['{ "Identity": "Global" }', { kind: 'import', text: '{ "Identity": "Global" }' }],
    ['import:\n[1]', { kind: 'import', text: '[1]' }],
    ['compare with this export: {"a":1}', { kind: 'compare', text: '{"a":1}' }],
    ['compare our settings against this json\n{"a":1}', { kind: 'compare', text: '{"a":1}' }],
    [`block ${many}`, { kind: 'list', action: 'addBlocked', text: many }],
    [`unblock these domains: ${many}`, { kind: 'list', action: 'removeBlocked', text: many }],
    [`allow only\na.com\nb.com`, { kind: 'list', action: 'allowOnly', text: 'a.com\nb.com' }],
    ['```json\n{ "Identity": "Global" }\n```', { kind: 'import', text: '{ "Identity": "Global" }' }],
  ])('%j', (text, expected) => {
    expect(classifyPaste(text)).toEqual(expected);
  });

  it.each([
    'block fabrikam.com',
    'block a.com, b.com and c.com',
    'can rob@contosoeast.com chat with ann@contosowest.com?',
    'what does export mean for external access?',
    'show settings',
    'import',
    'allow all external domains again, we are not blocking anyone anymore',
    'block every external domain except the ones our partners use, like fabrikam.com and contosowest.com',
    'unblock fabrikam.com\nthanks',
  ])('%j goes to the parser', (text) => {
    expect(classifyPaste(text)).toBeUndefined();
  });

  it('takes the file of a Teams upload, and of other channels, never the HTML copy of the message', () => {
    expect(classifyPaste('', [{ contentType: TEAMS_FILE_DOWNLOAD, content: { downloadUrl: 'https://x.sharepoint.com/f' } }])).toEqual({ kind: 'import', text: '', file: 'https://x.sharepoint.com/f' });
    expect(classifyPaste('block these', [{ contentType: 'text/csv', contentUrl: 'https://smba.trafficmanager.net/a' }])).toEqual({ kind: 'list', action: 'addBlocked', text: '', file: 'https://smba.trafficmanager.net/a' });
    expect(classifyPaste('hello', [{ contentType: 'text/html', content: '<p>hello</p>' }])).toBeUndefined();
  });

  it('reads pasted text that Teams sent as HTML', () => {
    expect(plainText('<p>{&quot;Identity&quot;: &quot;Global&quot;}</p>')).toBe('{"Identity": "Global"}');
    expect(plainText('<div>a.com<br>b.com</div>')).toBe('a.com\nb.com');
  });
});
