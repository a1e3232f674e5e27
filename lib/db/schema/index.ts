export * from "./auth";
export * from "./audit";
export * from "./zim-apps";
export * from "./sign-in-attempts";
export * from "./sandbox";
export * from "./messages";
export * from "./schedule";
