import ArgumentParser
import DDIPlan

extension PlanFormat: ExpressibleByArgument {}
