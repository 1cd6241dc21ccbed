export * from "./site";
export * from "./email";
