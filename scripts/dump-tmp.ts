import { scanWorkspace } from '../src/scan/scan';
(async () => {
  const [root, file, line] = process.argv.slice(2);
  const result = await scanWorkspace(root, { include: undefined });
  for (const site of result.callSites) {
    if (!site.file.endsWith(file) || (line && Math.abs(site.line - Number(line)) > 3)) continue;
    console.log(site.file, site.line, site.task.type, JSON.stringify(site.features), site.tokens.outputPerCall, site.tokens.outputBasis);
    console.log(site.task.reasons.join('\n'));
    console.log('PREVIEW', site.promptPreview?.slice(0, 300));
    console.log(site.evidence.join('\n'));
  }
})();
