/** The key of the built-in sandbox among the apps an operator can pick. */
export const SANDBOX_APP_KEY = "sandbox";

/** An app as the browser may see it: never its ServerSecret or address. */
export interface SendTarget {
  key: string;
  name: string;
  appId: number;
  isProduction: boolean;
  isSandbox: boolean;
  /** D13 */
  recallWindowSeconds: number;
  /** D7 */
  broadcastDailyLimit: number;
  testGroupId: string | null;
}
