package verify

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/runner"
)

// Verdicts of a run.
const (
	Pass = "pass"
	Fail = "fail"
)

// Outcome is what became of one step.
type Outcome string

// Step outcomes.
const (
	Passed    Outcome = "passed"
	Failed    Outcome = "failed"
	TimedOut  Outcome = "timed out"
	Cancelled Outcome = "cancelled"
	Skipped   Outcome = "skipped" // not run, because an earlier step failed
)

// StepResult is one step's outcome, exit code and duration. ExitCode is -1 when the step did not
// exit by itself (killed, or not run).
type StepResult struct {
	Name     string        `json:"name"`
	Outcome  Outcome       `json:"outcome"`
	ExitCode int           `json:"exit_code"`
	Duration time.Duration `json:"duration_ns"`
	// Allowed is true for a failure of a continue_on_error step, which does not fail the verdict.
	Allowed bool   `json:"allowed,omitempty"`
	Message string `json:"message,omitempty"`
}

// Result is a whole run: the verdict, the first step that failed it, and every step.
type Result struct {
	Verdict    string        `json:"verdict"`
	FailedStep string        `json:"failed_step"`
	Duration   time.Duration `json:"duration_ns"`
	Steps      []StepResult  `json:"steps"`
}

// Options are what a run needs besides its steps.
type Options struct {
	// Root is the repository root; steps run there or in their Dir below it.
	Root string
	// Base and Head are given to every step as HOTFIX_BASE and HOTFIX_HEAD.
	Base, Head string
	// Out receives the steps' output, live, and the log lines around it.
	Out io.Writer
	// Runner opens a log group around each step inside Actions.
	Runner *runner.Runner
	Now    func() time.Time
}

// Run runs the steps in order and stops at the first failure, unless that step may fail. Every
// working directory is checked first, so a step that would escape the repository stops the run
// before anything runs. It returns an error only for that check; a failed step is in the Result.
func Run(ctx context.Context, steps []Step, o Options) (Result, error) {
	dirs, err := workDirs(o.Root, steps)
	if err != nil {
		return Result{}, err
	}
	start := o.Now()
	res := Result{Verdict: Pass, Steps: make([]StepResult, 0, len(steps))}
	for i, s := range steps {
		if res.Verdict == Fail || ctx.Err() != nil {
			res.Steps = append(res.Steps, StepResult{Name: s.Name, Outcome: Skipped, ExitCode: -1})
			continue
		}
		sr := runStep(ctx, s, dirs[i], o)
		if sr.Outcome != Passed && !sr.Allowed {
			res.Verdict, res.FailedStep = Fail, s.Name
		}
		res.Steps = append(res.Steps, sr)
	}
	res.Duration = o.Now().Sub(start)
	return res, nil
}

// runStep runs one step in a log group and reports how it ended.
func runStep(ctx context.Context, s Step, dir string, o Options) StepResult {
	timeout := s.Timeout
	if timeout <= 0 {
		timeout = config.DefaultStepTimeout
	}
	o.Runner.Group(s.Name)
	fmt.Fprintf(o.Out, "==> %s (in %s, timeout %s)\n", s.Name, displayDir(s.Dir), timeout)
	start := o.Now()
	stepCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := command(stepCtx, s, dir, o)
	err := cmd.Run()
	leftover := killGroup(cmd)
	sr := StepResult{Name: s.Name, Outcome: Passed, ExitCode: exitCode(cmd), Duration: o.Now().Sub(start)}
	switch {
	case errors.Is(stepCtx.Err(), context.DeadlineExceeded) && ctx.Err() == nil:
		sr.Outcome, sr.Message = TimedOut, fmt.Sprintf("timed out after %s; killed its process group", timeout)
	case ctx.Err() != nil:
		sr.Outcome, sr.Message = Cancelled, "cancelled; killed its process group"
	case err != nil && !(errors.Is(err, exec.ErrWaitDelay) && sr.ExitCode == 0):
		sr.Outcome, sr.Message = Failed, failure(err, sr.ExitCode)
	}
	if leftover != nil {
		sr.Message = joinMessage(sr.Message, fmt.Sprintf("could not kill the processes it left: %v", leftover))
	}
	sr.Allowed = sr.Outcome != Passed && s.ContinueOnError && ctx.Err() == nil
	o.Runner.EndGroup()
	fmt.Fprintln(o.Out, stepLine(sr))
	return sr
}

// command builds the step's bash process: `bash -eo pipefail -c RUN`, as GitHub runs a `run:`
// step with `shell: bash`, in its own process group, with the step's environment.
func command(ctx context.Context, s Step, dir string, o Options) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", s.Run)
	cmd.Dir = dir
	cmd.Env = stepEnv(cmd.Environ(), o.Base, o.Head, s.Env)
	cmd.Stdout, cmd.Stderr = o.Out, o.Out
	cmd.WaitDelay = 2 * time.Second // a process the step left behind may hold the output open
	ownGroup(cmd)
	return cmd
}

// exitCode is the step's exit code, or -1 when it was killed or never ran.
func exitCode(cmd *exec.Cmd) int {
	if cmd.ProcessState == nil {
		return -1
	}
	return cmd.ProcessState.ExitCode()
}

// failure says why a step failed.
func failure(err error, code int) string {
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit) && code >= 0:
		return fmt.Sprintf("exited with code %d", code)
	case errors.As(err, &exit):
		return fmt.Sprintf("killed: %v", exit.ProcessState)
	}
	return err.Error()
}

// stepLine is the one line printed after a step, outside its log group, so a collapsed log
// still shows how each step ended.
func stepLine(sr StepResult) string {
	line := fmt.Sprintf("<== %s: %s in %s (exit code %d)", sr.Name, sr.Outcome, Elapsed(sr.Duration), sr.ExitCode)
	if sr.Message != "" {
		line += ": " + sr.Message
	}
	if sr.Allowed {
		line += "; the step may fail (continue_on_error), so the run goes on"
	}
	return line
}

// displayDir names a step's directory for the log.
func displayDir(dir string) string {
	if dir == "" || dir == "." {
		return "the repository root"
	}
	return dir
}

func joinMessage(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}
