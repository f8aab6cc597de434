import { parse } from '../../src/language';
it.each(['without blocking x.com', 'yes block x.com', 'turn on external access and subdomain blocking', 'can I reach contoso?', 'can I block contoso.com?', 'should I block contoso.com'])('%s', (t) => { console.log(t, JSON.stringify(parse(t))); });
