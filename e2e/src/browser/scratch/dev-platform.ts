import { startDevGateway } from "../dev-gateway.js";
export const startPlatform = () => startDevGateway((process.env.MODE as "ok") ?? "ok");
