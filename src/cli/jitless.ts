import { config } from 'zod';

// zod compiles a parser (new Function) for each object schema the first time it parses one: that pays
// off over many parses, not in one `pledge check`, where the site's UI strings alone (three parses at
// import) cost more than the check of promise.yaml. The result is the same either way.
config({ jitless: true });
