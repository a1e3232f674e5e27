import { afterAll, beforeAll, describe } from "vitest";
import { testEngines } from "@/lib/testing/engines";
import { broadcastSuite } from "./suites/broadcast.suite";
import { controlSuite } from "./suites/control.suite";
import { faultsSuite } from "./suites/faults.suite";
import { gatewaySuite } from "./suites/gateway.suite";
import { otherActionsSuite } from "./suites/other-actions.suite";
import { revokeGroupMessageSuite } from "./suites/revoke-group-message.suite";
import { sendGroupMessageSuite } from "./suites/send-group-message.suite";
import { openSandbox, type TestSandbox } from "./test-support/sandbox";

const engines = await testEngines();

/**
 * One sandbox world per engine for all the suites (a PGlite open costs seconds): every test seeds its own
 * uniquely named groups and users, and moves the sandbox clock on so rate-limit windows start empty.
 */
describe.each(engines)("ZIM sandbox over HTTP on $name", (engine) => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await openSandbox(engine);
  });
  afterAll(async () => {
    await sandbox.close();
  });
  const use = () => sandbox;

  describe("gateway", () => gatewaySuite(use));
  describe("SendGroupMessage", () => sendGroupMessageSuite(use));
  describe("RevokeGroupMessage", () => revokeGroupMessageSuite(use));
  describe("SendMessageToAllUsers", () => broadcastSuite(use));
  describe("other Actions", () => otherActionsSuite(use));
  describe("faults", () => faultsSuite(use));
  describe("control endpoint", () => controlSuite(use));
});
