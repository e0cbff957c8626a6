import ArgumentParser
import SSIProtocol
import SSISystem

struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit the model to your LinkedIn snapshots: each pillar's scale and its actions' points.",
        discussion: """
            Prints, per pillar, the error against the snapshots before and after the fit and the values it \
            would change; nothing changes without --apply, which writes calibration.toml beside your \
            config.toml (loaded after it) and reloads the daemon. Needs at least three snapshots, taken \
            while your activity varied.
            """)

    @Flag(help: "Write the fitted values to calibration.toml and reload the daemon.")
    var apply = false

    @OptionGroup var options: ClientOptions

    func run() throws {
        var quiet = options.settings
        quiet.json = apply ? false : options.json
        let result: CalibrationResult = try ClientExit.perform(.calibrate, options: quiet)
        if let refusal = result.refusal {
            ClientExit.printError("ssi-log: cannot calibrate: \(refusal)")
            throw ExitCode(ClientExit.rejectedInput)
        }
        if !options.json || apply { report(result) }
        guard apply else {
            if !options.json { print("nothing changed: `ssi-log calibrate --apply` writes \(result.calibrationFile)") }
            return
        }
        guard !result.keys.isEmpty else {
            ClientExit.printError("ssi-log: no pillar could be fitted: nothing to apply")
            throw ExitCode(ClientExit.rejectedInput)
        }
        if let failure = AtomicFile.write(result.fileText, to: result.calibrationFile) {
            ClientExit.printError("ssi-log: \(failure)")
            throw ExitCode(ClientExit.ioError)
        }
        let reloaded: ReloadResult = try ClientExit.perform(.reload, options: options.settings)
        if !options.json { print("wrote \(result.calibrationFile); reloaded (\(reloaded.config))") }
    }

    func report(_ result: CalibrationResult) {
        print("pillar          error before -> after   scale before -> after   points")
        for line in result.pillars {
            let name = TextFormat.padded(line.pillar.rawValue, 14)
            if let refusal = line.refusal {
                print("  \(name) \(CalibrationResult.format(line.errorBefore)) (left as it is: \(refusal))")
                continue
            }
            print(
                "  \(name) \(TextFormat.leftPadded(CalibrationResult.format(line.errorBefore), 8)) -> "
                    + "\(TextFormat.padded(CalibrationResult.format(line.errorAfter), 8)) "
                    + "\(TextFormat.leftPadded(CalibrationResult.format(line.scaleBefore), 9)) -> "
                    + "\(TextFormat.padded(CalibrationResult.format(line.scaleAfter), 9))   "
                    + "x\(CalibrationResult.format(line.multiplier))")
        }
    }
}
