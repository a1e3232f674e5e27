export * from "./auth";
export * from "./audit";
export * from "./zim-apps";
