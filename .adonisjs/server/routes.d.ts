import '@adonisjs/core/types/http'

type ParamValue = string | number | bigint | boolean

export type ScannedRoutes = {
  ALL: {
    'health.live': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'session.create': { paramsTuple?: []; params?: {} }
    'session.store': { paramsTuple?: []; params?: {} }
    'locale.update': { paramsTuple?: []; params?: {} }
    'home': { paramsTuple?: []; params?: {} }
    'session.destroy': { paramsTuple?: []; params?: {} }
    'workspaces.index': { paramsTuple?: []; params?: {} }
    'workspaces.store': { paramsTuple?: []; params?: {} }
    'workspaces.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'workspaces.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'w.root': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.dashboard': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.settings': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.section': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'section': ParamValue} }
    'api.auth.login': { paramsTuple?: []; params?: {} }
    'api.auth.logout': { paramsTuple?: []; params?: {} }
    'api.auth.me': { paramsTuple?: []; params?: {} }
    'api.workspace.show': { paramsTuple?: []; params?: {} }
    'event_stream': { paramsTuple?: []; params?: {} }
    'subscribe': { paramsTuple?: []; params?: {} }
    'unsubscribe': { paramsTuple?: []; params?: {} }
  }
  GET: {
    'health.live': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'session.create': { paramsTuple?: []; params?: {} }
    'home': { paramsTuple?: []; params?: {} }
    'workspaces.index': { paramsTuple?: []; params?: {} }
    'w.root': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.dashboard': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.settings': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.section': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'section': ParamValue} }
    'api.auth.me': { paramsTuple?: []; params?: {} }
    'api.workspace.show': { paramsTuple?: []; params?: {} }
    'event_stream': { paramsTuple?: []; params?: {} }
  }
  HEAD: {
    'health.live': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'session.create': { paramsTuple?: []; params?: {} }
    'home': { paramsTuple?: []; params?: {} }
    'workspaces.index': { paramsTuple?: []; params?: {} }
    'w.root': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.dashboard': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.settings': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.section': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'section': ParamValue} }
    'api.auth.me': { paramsTuple?: []; params?: {} }
    'api.workspace.show': { paramsTuple?: []; params?: {} }
    'event_stream': { paramsTuple?: []; params?: {} }
  }
  POST: {
    'session.store': { paramsTuple?: []; params?: {} }
    'locale.update': { paramsTuple?: []; params?: {} }
    'session.destroy': { paramsTuple?: []; params?: {} }
    'workspaces.store': { paramsTuple?: []; params?: {} }
    'workspaces.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.auth.login': { paramsTuple?: []; params?: {} }
    'api.auth.logout': { paramsTuple?: []; params?: {} }
    'subscribe': { paramsTuple?: []; params?: {} }
    'unsubscribe': { paramsTuple?: []; params?: {} }
  }
  PUT: {
    'workspaces.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
}
declare module '@adonisjs/core/types/http' {
  export interface RoutesList extends ScannedRoutes {}
}