// Every stage has a time limit, and hitting it names the stage: a hang becomes a located failure.
export class StageTimeoutError extends Error {
  constructor(stage: string, seconds: number) {
    super(`the ${stage} stage took longer than ${seconds} s and was stopped`);
    this.name = 'StageTimeoutError';
  }
}

export async function withTimeout<T>(stage: string, seconds: number, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StageTimeoutError(stage, seconds)), seconds * 1000);
  });
  try {
    return await Promise.race([work(), limit]);
  } finally {
    clearTimeout(timer);
  }
}
