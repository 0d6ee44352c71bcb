/**
 * Where the data a scenario's `baseline` id names is served from (files in public/). The engine
 * validates the file with the kind's own schema, so a wrong file gives a clear message.
 */
export const BASELINE_URLS: Readonly<Record<string, string>> = {
  'utrecht-centre-sample': '/data/crowd/pedestrian-network.json',
  'utrecht-centre-heat-sample': '/data/heat/utrecht-centre-heat.json',
  'utrecht-centre-bike-sample': '/data/cycling/utrecht-centre-bike-network.json',
};

export function baselineUrl(baselineId: string): string | undefined {
  return Object.hasOwn(BASELINE_URLS, baselineId) ? BASELINE_URLS[baselineId] : undefined;
}
