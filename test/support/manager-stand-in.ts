/**
 * A recording stand-in for the part of @cloudbase/manager-node that `npm run deploy` uses. The real
 * management API needs a Tencent Cloud account, so this is the one place the tests imitate a cloud
 * service: it keeps an environment's state in memory the way the API reports it (field names of
 * manager-node's types) and records every call, so a test can see what a deploy changed.
 */
type Index = { Name: string; Keys: { Name: string; Direction: string }[]; Unique: boolean };
type Fn = {
  FunctionName: string;
  Timeout: number;
  MemorySize: number;
  Description: string;
  Environment: { Variables: { Key: string; Value: string }[] };
  Triggers: { TriggerName: string; Type: string; TriggerDesc: string }[];
  Runtime: string;
};

export class ManagerStandIn {
  readonly calls: { method: string; args: unknown[] }[] = [];
  readonly collections = new Map<string, Index[]>();
  readonly permissions = new Map<string, string>();
  storageAcl = 'READONLY'; // CloudBase's default: anyone holding a file ID may read it
  readonly functions = new Map<string, Fn>();

  record(method: string, args: unknown[]) {
    this.calls.push({ method, args: JSON.parse(JSON.stringify(args)) });
  }

  /** the calls that change something (everything that is not a read) */
  writes() {
    return this.calls.filter((c) => !/^(check|describe|get)/.test(c.method.split('.')[1]));
  }

  database = {
    checkCollectionExists: async (name: string) => (
      this.record('database.checkCollectionExists', [name]),
      { Exists: this.collections.has(name) }
    ),
    createCollection: async (name: string) => {
      this.record('database.createCollection', [name]);
      if (this.collections.has(name))
        throw Object.assign(new Error(`collection ${name} exists`), { code: 'ResourceInUse' });
      this.collections.set(name, [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true }]);
      this.permissions.set(name, 'CUSTOM');
    },
    describeCollection: async (name: string) => (
      this.record('database.describeCollection', [name]),
      { Indexes: structuredClone(this.collections.get(name) ?? []) }
    ),
    updateCollection: async (
      name: string,
      info: {
        CreateIndexes?: {
          IndexName: string;
          MgoKeySchema: { MgoIsUnique: boolean; MgoIndexKeys: { Name: string; Direction: string }[] };
        }[];
        DropIndexes?: { IndexName: string }[];
      },
    ) => {
      this.record('database.updateCollection', [name, info]);
      const list = this.collections.get(name);
      if (!list) throw Object.assign(new Error(`no collection ${name}`), { code: 'ResourceNotFound' });
      for (const d of info.DropIndexes ?? []) list.splice(list.findIndex((i) => i.Name === d.IndexName) >>> 0, 1);
      for (const c of info.CreateIndexes ?? []) {
        if (list.some((i) => i.Name === c.IndexName))
          throw Object.assign(new Error(`index ${c.IndexName} exists`), { code: 'ResourceInUse' });
        list.push({ Name: c.IndexName, Keys: c.MgoKeySchema.MgoIndexKeys, Unique: c.MgoKeySchema.MgoIsUnique });
      }
    },
  };

  permission = {
    describeResourcePermission: async (o: { resourceType: string; resources: string[] }) => (
      this.record('permission.describeResourcePermission', [o]),
      {
        TotalCount: o.resources.length,
        PermissionList: o.resources.map((r) => ({
          ResourceType: o.resourceType,
          Resource: r,
          Permission: this.permissions.get(r),
        })),
      }
    ),
    modifyResourcePermission: async (o: { resourceType: string; resource: string; permission: string }) => {
      this.record('permission.modifyResourcePermission', [o]);
      this.permissions.set(o.resource, o.permission);
      return { Success: true };
    },
  };

  storage = {
    getStorageAcl: async () => (this.record('storage.getStorageAcl', []), this.storageAcl),
    setStorageAcl: async (acl: string) => {
      this.record('storage.setStorageAcl', [acl]);
      this.storageAcl = acl;
    },
  };

  toFn(
    func: {
      name: string;
      timeout: number;
      memorySize: number;
      description: string;
      envVariables: Record<string, string>;
      runtime: string;
    },
    triggers: Fn['Triggers'],
  ): Fn {
    return {
      FunctionName: func.name,
      Timeout: func.timeout,
      MemorySize: func.memorySize,
      Description: func.description,
      Runtime: func.runtime,
      Environment: { Variables: Object.entries(func.envVariables).map(([Key, Value]) => ({ Key, Value })) },
      Triggers: triggers,
    };
  }
}

/** The stand-in's state and a manager object shaped like manager-node's `CloudBase` (database, permission, storage, functions). */
export function standInManager() {
  const s = new ManagerStandIn();
  const fns = {
    getFunctionDetail: async (name: string) => {
      s.record('functions.getFunctionDetail', [name]);
      const f = s.functions.get(name);
      if (!f)
        throw Object.assign(new Error(`[getFunctionDetail] 函数 ${name} 不存在`), {
          code: 'ResourceNotFound.Function',
        });
      return structuredClone(f);
    },
    createFunction: async (p: {
      func: {
        name: string;
        timeout: number;
        memorySize: number;
        description: string;
        envVariables: Record<string, string>;
        runtime: string;
        triggers: { name: string; type: string; config: string }[];
      };
      functionRootPath: string;
    }) => {
      s.record('functions.createFunction', [p]);
      s.functions.set(
        p.func.name,
        s.toFn(
          p.func,
          p.func.triggers.map((t) => ({ TriggerName: t.name, Type: t.type, TriggerDesc: t.config })),
        ),
      );
    },
    updateFunctionCode: async (p: { func: { name: string } }) => {
      s.record('functions.updateFunctionCode', [p]);
    },
    updateFunctionConfig: async (func: {
      name: string;
      timeout: number;
      memorySize: number;
      description: string;
      envVariables: Record<string, string>;
      runtime: string;
    }) => {
      s.record('functions.updateFunctionConfig', [func]);
      const cur = s.functions.get(func.name)!;
      s.functions.set(func.name, s.toFn(func, cur.Triggers));
    },
    createFunctionTriggers: async (name: string, triggers: { name: string; type: string; config: string }[]) => {
      s.record('functions.createFunctionTriggers', [name, triggers]);
      s.functions
        .get(name)!
        .Triggers.push(...triggers.map((t) => ({ TriggerName: t.name, Type: t.type, TriggerDesc: t.config })));
    },
    deleteFunctionTrigger: async (name: string, trigger: string) => {
      s.record('functions.deleteFunctionTrigger', [name, trigger]);
      const f = s.functions.get(name)!;
      f.Triggers = f.Triggers.filter((t) => t.TriggerName !== trigger);
    },
  };
  return { state: s, manager: { database: s.database, permission: s.permission, storage: s.storage, functions: fns } };
}
