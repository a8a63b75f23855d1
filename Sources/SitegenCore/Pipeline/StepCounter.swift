import Foundation
import Synchronization

/// Counts the finished items of a long step (any thread may count) and tells the build's
/// progress the count every tenth of a second until `finish()`, from a thread of its own: the
/// step itself never waits for the terminal.
final class StepCounter: Sendable {
    private let done = Atomic<Int>(0)
    private let finished = Atomic<Bool>(false)
    /// Whether a count was told (then the last one is told too, when the step ends).
    private let told = Atomic<Bool>(false)
    private let step: Int
    private let total: Int
    private let progress: (any BuildProgress)?

    /// Starts counting the `total` items of `step`; without a progress, only counts.
    init(_ step: BuildStep, total: Int, progress: (any BuildProgress)?, interval: Double = 0.1) {
        self.step = step.rawValue + 1
        self.total = total
        self.progress = progress
        guard let progress, total > 0 else { return }
        Thread.detachNewThread { [self] in
            var last = -1
            while true {
                Thread.sleep(forTimeInterval: interval)
                if finished.load(ordering: .acquiring) { return }
                let count = done.load(ordering: .relaxed)
                if count != last {
                    told.store(true, ordering: .relaxed)
                    progress.stepAdvanced(self.step, done: count, of: total)
                }
                last = count
            }
        }
    }

    /// `count` more items are finished.
    func advance(by count: Int = 1) { done.add(count, ordering: .relaxed) }

    /// The step is over: the final count is told if any was, and nothing after it.
    func finish() {
        guard !finished.exchange(true, ordering: .acquiringAndReleasing) else { return }
        if told.load(ordering: .relaxed) { progress?.stepAdvanced(step, done: done.load(ordering: .relaxed), of: total) }
    }
}
