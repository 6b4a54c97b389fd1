import ArgumentParser

/// Who carries out `ddi apply`: a PowerShell script to run, or Microsoft Graph directly.
enum ApplyProvider: String, CaseIterable, ExpressibleByArgument {
    case powershell, graph
}
