/** Stops the cluster the global setup started, if it started one. */
export default async function teardown(): Promise<void> {
  await globalThis.__pgCluster?.stop();
}
