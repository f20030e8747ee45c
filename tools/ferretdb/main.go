// Command tongke-ferretdb runs FerretDB (a MongoDB wire-protocol server) with its SQLite
// backend inside one small binary, for one-machine installs and integration tests.
// Production uses real MongoDB (see docker/compose.yaml).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on (host:port; port 0 picks a free one)")
	dataDir := flag.String("data-dir", "data/db", "directory for the SQLite databases (created if missing)")
	logLevel := flag.String("log-level", "warn", "FerretDB log level: debug, info, warn, error")
	flag.Parse()

	if err := run(*listen, *dataDir, *logLevel); err != nil {
		fmt.Fprintf(os.Stderr, "tongke-ferretdb: %v\n", err)
		os.Exit(1)
	}
}

func run(listen, dataDir, logLevel string) error {
	abs, err := filepath.Abs(dataDir)
	if err != nil {
		return fmt.Errorf("data dir %q: %w", dataDir, err)
	}
	if err = os.MkdirAll(abs, 0o755); err != nil {
		return fmt.Errorf("data dir %q: %w", abs, err)
	}

	addr, err := resolveListen(listen)
	if err != nil {
		return err
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: addr},
		Handler:   "sqlite",
		SQLiteURL: "file:" + abs + "/",
		Logger:    newLogger(logLevel),
	})
	if err != nil {
		return fmt.Errorf("configure FerretDB: %w", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()

	if err = waitListening(ctx, addr, done); err != nil {
		return err
	}
	// One machine-readable line: callers wait for it before connecting.
	fmt.Printf("ready %s\n", f.MongoDBURI())

	if err = <-done; err != nil && !errors.Is(err, context.Canceled) {
		return fmt.Errorf("FerretDB stopped: %w", err)
	}
	return nil
}

// newLogger writes FerretDB's own logs to stderr as text, at the given level.
func newLogger(level string) *slog.Logger {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		l = slog.LevelWarn
	}
	return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: l}))
}
