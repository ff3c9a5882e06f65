export const canSubscribeToWorkspace = (..._a: any[]) => false; export const canSubscribeToFunnel = (..._a: any[]) => false
