import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// Maps on every core and returns the results in input order, so output stays deterministic.
    package func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1, ProcessInfo.processInfo.activeProcessorCount > 1 else { return map(transform) }
        let slots = ResultSlots<T>(count: count)
        let chunk = Swift.max(1, count / (ProcessInfo.processInfo.activeProcessorCount * 8))
        let chunks = (count + chunk - 1) / chunk
        let input = self
        DispatchQueue.concurrentPerform(iterations: chunks) { index in
            let start = index * chunk
            for position in start..<Swift.min(start + chunk, input.count) {
                slots.set(position, transform(input[position]))
            }
        }
        return slots.take()
    }
}

/// Write-once result slots filled from concurrent iterations, each at its own index; read
/// only after every iteration has finished (concurrentPerform returns after all of them).
private final class ResultSlots<T>: @unchecked Sendable {
    private let buffer: UnsafeMutablePointer<T>
    private let count: Int

    init(count: Int) {
        self.count = count
        buffer = UnsafeMutablePointer<T>.allocate(capacity: count)
    }

    func set(_ index: Int, _ value: T) {
        (buffer + index).initialize(to: value)
    }

    /// Moves the results out; the slots must not be used afterwards.
    func take() -> [T] {
        let values = Array(UnsafeBufferPointer(start: buffer, count: count))
        buffer.deinitialize(count: count)
        return values
    }

    deinit { buffer.deallocate() }
}

/// Runs two independent computations at once (on two cores when there are two) and returns
/// both results.
package func concurrently<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
    let firstSlot = ResultSlots<A>(count: 1)
    let secondSlot = ResultSlots<B>(count: 1)
    DispatchQueue.concurrentPerform(iterations: 2) { index in
        if index == 0 { firstSlot.set(0, first()) } else { secondSlot.set(0, second()) }
    }
    return (firstSlot.take()[0], secondSlot.take()[0])
}
