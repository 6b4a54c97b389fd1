import ArgumentParser

enum PlanFormat: String, CaseIterable, ExpressibleByArgument {
    case text, markdown, json
}
