import ArgumentParser
import DDIApply

/// `--provider NAME`: any provider in the registry (`ApplyProviders.all`).
struct ProviderChoice: ExpressibleByArgument {
    let type: any ApplyProvider.Type

    init?(argument: String) {
        guard let type = ApplyProviders.named(argument) else { return nil }
        self.type = type
    }

    static var allValueStrings: [String] { ApplyProviders.names }
}
