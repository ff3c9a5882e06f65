import { test } from '@japa/runner'
import queue from '#services/queue'
import { WorkerProcess } from '#tests/helpers/worker_process'

/** The JSON log lines of a process's output that parse (pino writes one object per line). */
function jsonLines(output: string) {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .flatMap((line) => {
      try {
        return [JSON.parse(line)]
      } catch {
        return []
      }
    })
}

/**
 * A failed job is one structured log line per attempt: queue, job, id, workspace, attempt of
 * attempts, whether BullMQ gives up, and the error with its stack (it used to be one
 * interpolated string without stack, workspace or attempt).
 */
test.group('Worker failure logs', () => {
  test('each failed attempt logs job, queue, workspace, attempt and the stack', async ({
    assert,
    cleanup,
  }) => {
    const worker = new WorkerProcess(['--queues', 'mail', '--no-schedules'], {
      LOG_LEVEL: 'error',
    })
    cleanup(async () => {
      await worker.stop()
    })
    await worker.start()

    /** No processor has this name: the worker throws on every attempt. */
    const job = await queue
      .queue('mail')
      .add('h11_no_such_job' as any, { workspaceId: 4242 } as any, {
        attempts: 2,
        backoff: { type: 'fixed', delay: 10 },
      })
    cleanup(() => job.remove().catch(() => {}))

    const deadline = Date.now() + 20_000
    let failures: any[] = []
    while (Date.now() < deadline) {
      failures = jsonLines(worker.output).filter((line) => line.jobId === job.id)
      if (failures.length >= 2) break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    assert.lengthOf(failures, 2, worker.output.slice(-2000))
    const [first, last] = failures
    assert.include(first, {
      queue: 'mail',
      job: 'h11_no_such_job',
      workspaceId: 4242,
      attempt: 1,
      attempts: 2,
      final: false,
    })
    assert.include(last, { attempt: 2, final: true })
    assert.equal(first.msg, 'job mail/h11_no_such_job failed')
    assert.include(first.err.message, 'No processor for job "h11_no_such_job"')
    assert.include(first.err.stack, 'processors')
  }).timeout(60_000)
})
