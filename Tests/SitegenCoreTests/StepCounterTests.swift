import Foundation
import Synchronization
import Testing

@testable import SitegenCore

/// A long step's count, told now and then from a thread of its own, and its last count once
/// the step is over.
@Suite struct StepCounterTests {
    final class Recorder: BuildProgress {
        let told = Mutex<[(step: Int, done: Int, total: Int)]>([])
        func stepStarted(_ index: Int, of count: Int, _ name: String) {}
        func stepAdvanced(_ index: Int, done: Int, of total: Int) { told.withLock { $0.append((index, done, total)) } }
    }

    @Test func countsAreToldWhileTheStepRunsAndTheLastOneAtItsEnd() {
        let recorder = Recorder()
        let counter = StepCounter(.renderingPages, total: 5, progress: recorder, interval: 0.005)
        for _ in 0..<5 {
            Thread.sleep(forTimeInterval: 0.03)
            counter.advance()
        }
        counter.finish()
        let told = recorder.told.withLock { $0 }
        #expect(told.count >= 2)
        #expect(told.allSatisfy { $0.step == BuildStep.renderingPages.rawValue + 1 && $0.total == 5 && $0.done <= 5 })
        #expect(zip(told, told.dropFirst()).allSatisfy { $0.done <= $1.done })
        #expect(told.last?.done == 5)
        Thread.sleep(forTimeInterval: 0.05)
        #expect(recorder.told.withLock { $0.count } == told.count, "nothing after the end")
    }

    @Test func aShortStepTellsNothing() {
        let recorder = Recorder()
        let counter = StepCounter(.renderingPages, total: 3, progress: recorder, interval: 10)
        counter.advance(by: 3)
        counter.finish()
        #expect(recorder.told.withLock { $0 }.isEmpty)
    }
}
