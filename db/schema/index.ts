export * from "./platform";
export * from "./site";
export * from "./email";
export * from "./accounts";
export * from "./advocacy";
export * from "./membership";
export * from "./publishing";
export * from "./mentorship";
