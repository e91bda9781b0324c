import type { EntityManager } from "@mikro-orm/core";
import { User } from "./user.entity.js";

export const MAX_USERS_PAGE = 200;

export class UserService {
  constructor(private readonly em: EntityManager) {}

  list(limit: number): Promise<User[]> {
    return this.em.find(User, {}, { orderBy: { username: "asc" }, limit: Math.min(Math.max(limit, 1), MAX_USERS_PAGE) });
  }
}
